// Draws a chart's ECharts option without a browser: ECharts' server-side SVG rendering, never a
// screenshot. Disposed at once, or its animation timer would keep a CLI from exiting.
import type { ChartOption } from './chart-options.js';

/** ECharts is loaded on first use: it is large, and only a report's charts need it. */
export async function chartSvg(option: ChartOption, width = 640, height = 320): Promise<string> {
  const echarts = await import('echarts');
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ ...option, animation: false });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
