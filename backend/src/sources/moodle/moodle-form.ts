/**
 * A web-service call's parameters as Moodle reads them: PHP's bracket syntax for lists and objects
 * (`options[0][name]=limitfrom`), booleans as 0/1 (Moodle refuses true/false), and empty lists left out
 * (an empty list cannot be encoded).
 */
export type FormValue = string | number | boolean | null | undefined | FormValue[] | { [key: string]: FormValue };

export function encodeMoodleParams(params: Record<string, FormValue>): URLSearchParams {
  const form = new URLSearchParams();
  const add = (name: string, value: FormValue): void => {
    if (value === undefined || value === null) return;
    if (Array.isArray(value)) {
      value.forEach((item, index) => add(`${name}[${index}]`, item));
    } else if (typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) add(`${name}[${key}]`, item);
    } else if (typeof value === 'boolean') {
      form.append(name, value ? '1' : '0');
    } else {
      form.append(name, String(value));
    }
  };
  for (const [name, value] of Object.entries(params)) add(name, value);
  return form;
}
