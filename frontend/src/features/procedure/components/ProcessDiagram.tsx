import { Alert, Box, Button, Group, Loader } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface Canvas {
  addMarker(element: string, marker: string): void;
  zoom(level?: string | number, center?: 'auto'): number;
  scrollToElement(element: unknown, padding?: number): void;
}
interface Registry {
  get(id: string): unknown;
}
interface Viewer {
  importXML(xml: string): Promise<unknown>;
  get(name: 'canvas'): Canvas;
  get(name: 'elementRegistry'): Registry;
  destroy(): void;
}

/** A BPMN model drawn by bpmn-js, with the given elements marked as the case's current step. */
export function ProcessDiagram({ xml, current, label }: { xml: string; current: string[]; label: string }) {
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const viewer = useRef<Viewer | null>(null);
  const [state, setState] = useState<'loading' | 'ready' | 'failed'>('loading');
  // The marked ids as a value: a parent's new array with the same ids must not redraw the model.
  const currentIds = current.join(' ');

  useEffect(() => {
    setState('loading');
    // the node as the effect finds it: a Suspense boundary above may detach the ref while the chunk loads
    const node = container.current;
    if (!node) return;
    let cancelled = false;
    let made: Viewer | null = null;
    void import('./bpmnViewer')
      .then(async ({ createViewer }) => {
        if (cancelled) return;
        made = createViewer(node) as unknown as Viewer;
        await made.importXML(xml);
        if (cancelled) return;
        const canvas = made.get('canvas');
        const registry = made.get('elementRegistry');
        const marked = currentIds.split(' ').filter((id) => id && registry.get(id));
        for (const id of marked) canvas.addMarker(id, 'current-step');
        // A large model fitted whole is unreadable: show the current step at a readable size.
        canvas.zoom('fit-viewport', 'auto');
        if (marked[0] && canvas.zoom() < 0.7) {
          canvas.zoom(0.9);
          canvas.scrollToElement(registry.get(marked[0]), 120);
        }
        viewer.current = made;
        setState('ready');
      })
      .catch(() => !cancelled && setState('failed'));
    return () => {
      cancelled = true;
      made?.destroy();
      viewer.current = null;
    };
  }, [xml, currentIds]);

  const fit = () => viewer.current?.get('canvas').zoom('fit-viewport', 'auto');
  const zoomIn = () => {
    const canvas = viewer.current?.get('canvas');
    if (canvas) canvas.zoom(canvas.zoom() * 1.4);
  };

  return (
    <Box>
      {state === 'loading' && <Loader aria-label={t('app.loading')} />}
      {state === 'failed' && <Alert color="red">{t('procedure.drawFailed')}</Alert>}
      <Box
        ref={container}
        aria-label={label}
        role="group"
        data-current={currentIds}
        data-state={state}
        h={{ base: 300, sm: 420 }}
        style={{ border: '1px solid var(--mantine-color-gray-4)', borderRadius: 6, background: 'white' }}
      />
      {state === 'ready' && (
        <Group gap="xs" mt={4}>
          <Button size="xs" variant="default" onClick={fit}>
            {t('procedure.fit')}
          </Button>
          <Button size="xs" variant="default" onClick={zoomIn}>
            {t('procedure.zoomIn')}
          </Button>
        </Group>
      )}
    </Box>
  );
}
