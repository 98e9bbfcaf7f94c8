// Loaded on demand by FormJsForm: form-js and its styles stay out of the first pages' bundle.
import '@bpmn-io/form-js-viewer/dist/assets/form-js.css';
import { Form } from '@bpmn-io/form-js-viewer';
import { formJsTranslate } from './formJsTexts';

export function createViewer(container: HTMLElement, language: string) {
  return new Form({ container, additionalModules: [{ translate: ['value', formJsTranslate(language)] }] });
}
