/** A Camunda Form (form-js JSON), as far as the app reads it. */
export interface FormSchema {
  id?: string;
  components?: FormComponent[];
  [other: string]: unknown;
}

export interface FormComponent {
  id?: string;
  key?: string;
  type?: string;
  label?: string;
  components?: FormComponent[];
  [other: string]: unknown;
}

/** Every input field of a form, by the variable it sets (its key) to its id in form-js. */
export function fieldIdsByKey(schema: FormSchema): Map<string, string> {
  const ids = new Map<string, string>();
  const walk = (components: FormComponent[] | undefined) => {
    for (const component of components ?? []) {
      if (component.key && component.id) ids.set(component.key, component.id);
      walk(component.components);
    }
  };
  walk(schema.components);
  return ids;
}

/**
 * The backend's refusal (field key to message) as form-js shows errors (field id to messages), so
 * each message appears under the field it names; what names no field of the form is returned apart.
 */
export function toFormErrors(
  schema: FormSchema,
  errors: Record<string, string>,
): { byId: Record<string, string[]>; unplaced: Record<string, string> } {
  const ids = fieldIdsByKey(schema);
  const byId: Record<string, string[]> = {};
  const unplaced: Record<string, string> = {};
  for (const [field, message] of Object.entries(errors)) {
    const id = ids.get(field);
    if (id) (byId[id] ??= []).push(message);
    else unplaced[field] = message;
  }
  return { byId, unplaced };
}
