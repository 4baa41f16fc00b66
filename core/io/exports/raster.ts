// Charts arrive as SVG (ECharts' server-side rendering); docx and pdf take them as PNG. resvg draws
// them with the app's own sans face, never the machine's, so a chart reads the same everywhere.
import { chartFontFiles, defaultFontsDir } from './pdf.js';

/** The family name inside the embedded Noto Sans SC files (the charts ask for sans-serif). */
const CHART_FAMILY = 'Noto Sans S Chinese Regular';

/** A PNG of the SVG at `widthPx` pixels wide (print at 2–3 px per point for a sharp page). */
/** resvg is loaded on first use: a native module most processes (an import, the CLI) never need. */
export async function pngOfSvg(svg: string, widthPx: number, fontsDir = defaultFontsDir()): Promise<Buffer> {
  const { Resvg } = await import('@resvg/resvg-js');
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: Math.round(widthPx) },
    background: '#ffffff',
    font: { fontFiles: chartFontFiles(fontsDir), loadSystemFonts: false, defaultFontFamily: CHART_FAMILY, sansSerifFamily: CHART_FAMILY },
  });
  return resvg.render().asPng();
}
