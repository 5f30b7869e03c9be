/** Text as the page's HTML escaping wrote it, read back. */
export const decodeHtml = (text: string): string => text.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** What a browser would post from the console's library settings form: text inputs, ticked boxes, selected options. */
export function libraryFormFields(body: string): Record<string, string> {
  const form = /<form method="post" action="\/staff\/admin\/library"[\s\S]*?<\/form>/.exec(body)![0];
  const fields: Record<string, string> = {};
  for (const [input] of form.matchAll(/<input [^>]*>/g)) {
    const name = /name="([^"]+)"/.exec(input)?.[1];
    if (!name) continue;
    if (input.includes('type="checkbox"')) {
      if (/ checked/.test(input)) fields[name] = 'on';
    } else fields[name] = decodeHtml(/value="([^"]*)"/.exec(input)?.[1] ?? '');
  }
  for (const [, name, options] of form.matchAll(/<select [^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/select>/g)) {
    const selected = /<option(?: value="([^"]*)")? selected>([^<]*)<\/option>/.exec(options!);
    if (selected) fields[name!] = decodeHtml(selected[1] ?? selected[2]!);
  }
  return fields;
}

/** The hours answer for Eastside's next Saturday: named by its date, or as "today"/"tomorrow (Saturday, …)" on a Saturday or Friday. */
export function eastsideOpenSaturday(hours: string): RegExp {
  return new RegExp(`Eastside Branch is open (?:Saturday, [A-Z][a-z]+ \\d+|(?:today|tomorrow) \\(Saturday, [A-Z][a-z]+ \\d+\\)), ${hours}`);
}
