// One ECharts chart in the page, from an option the core builds (the same the docx and pdf draw).
// ECharts is loaded on first use: it is large, and most pages never draw a chart.
import { useEffect, useRef } from 'react';
import type { ChartOption } from '../../../core/reports/chart-options';

export function EChart({ option, height = 320, label }: { option: ChartOption; height?: number; label: string }) {
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let disposed = false;
    let chart: { setOption(o: unknown): void; resize(): void; dispose(): void } | null = null;
    const resize = () => chart?.resize();
    void import('echarts').then((echarts) => {
      if (disposed || !element.current) return;
      chart = echarts.init(element.current, null, { renderer: 'svg' });
      chart.setOption(option);
      window.addEventListener('resize', resize);
    });
    return () => {
      disposed = true;
      window.removeEventListener('resize', resize);
      chart?.dispose();
    };
  }, [option]);
  return <div ref={element} role="img" aria-label={label} style={{ width: '100%', height }} />;
}
