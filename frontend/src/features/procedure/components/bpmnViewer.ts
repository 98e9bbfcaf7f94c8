// Loaded on demand by ProcessDiagram: bpmn-js and its styles stay out of the other pages' bundles.
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';

export function createViewer(container: HTMLElement) {
  return new NavigatedViewer({ container });
}
