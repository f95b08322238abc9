// The fenced code blocks of a Markdown page, with their language, attributes and line numbers.

/** One fenced block: ```lang attr=value … */
export interface DocBlock {
  /** The info string's first word (`ts`, `js`, `sh`, …). */
  lang: string;
  /** `file=NAME`: the name the block is written under, beside the page's other blocks. */
  file?: string;
  /** `reference`: a listing of signatures or shapes, not a program (never compiled). */
  reference: boolean;
  text: string;
  /** Line of the block's first content line in the page (1-based). */
  line: number;
}

/** Every fenced block of `markdown`; throws naming the line of a fence that is never closed. */
export function extractDocBlocks(markdown: string): DocBlock[] {
  const lines = markdown.split('\n');
  const blocks: DocBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\S*)(.*)$/.exec(lines[i] ?? '');
    if (open === null) continue;
    const start = i + 1;
    let end = start;
    while (end < lines.length && lines[end] !== '```') end++;
    if (end >= lines.length) throw new Error(`line ${i + 1}: the fence ${lines[i]} is never closed`);
    const attrs = (open[2] ?? '').trim().split(/\s+/).filter(Boolean);
    const file = attrs.find((a) => a.startsWith('file='))?.slice('file='.length);
    blocks.push({
      lang: open[1] ?? '',
      ...(file === undefined ? {} : { file }),
      reference: attrs.includes('reference'),
      text: `${lines.slice(start, end).join('\n')}\n`,
      line: start + 1,
    });
    i = end;
  }
  return blocks;
}

/** Whether a block is code that the doc tests compile (TypeScript or JavaScript, not a reference listing). */
export function isCompiledExample(block: DocBlock): boolean {
  return ['ts', 'typescript', 'js', 'javascript', 'mjs'].includes(block.lang) && !block.reference;
}

/** The block written as `file` on `page`; throws naming the page when there is none. */
export function findDocFile(blocks: readonly DocBlock[], file: string, page: string): DocBlock {
  const found = blocks.find((b) => b.file === file);
  if (found === undefined) throw new Error(`${page} has no block marked file=${file}`);
  return found;
}
