/** Plotly annotations and titles do not wrap: break `text` at spaces into `<br>`-joined lines of ≤ `width` chars. */
export function wrapText(text: string, width: number): string {
  if (!(width >= 1)) throw new Error(`wrapText: width must be at least 1, got ${width}`);
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.join('<br>');
}
