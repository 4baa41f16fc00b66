// Charts arrive as SVG (ECharts' server-side rendering); docx and pdf take them as PNG. resvg draws
// them with the app's own sans face, never the machine's, so a chart reads the same everywhere.
import { Resvg } from '@resvg/resvg-js';
import { chartFontFiles, defaultFontsDir } from './pdf.js';

/** The family name inside the embedded Noto Sans SC files (the charts ask for sans-serif). */
const CHART_FAMILY = 'Noto Sans S Chinese Regular';

/** A PNG of the SVG at `widthPx` pixels wide (print at 2–3 px per point for a sharp page). */
export function pngOfSvg(svg: string, widthPx: number, fontsDir = defaultFontsDir()): Buffer {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: Math.round(widthPx) },
    background: '#ffffff',
    font: { fontFiles: chartFontFiles(fontsDir), loadSystemFonts: false, defaultFontFamily: CHART_FAMILY, sansSerifFamily: CHART_FAMILY },
  });
  return resvg.render().asPng();
}
