// The small part of Dockerfile syntax docker/Dockerfile uses: comments, line continuations, `FROM image AS name`,
// and `--flag=value` options before an instruction's arguments (COPY --from, RUN --mount, HEALTHCHECK --interval).

/** Logical lines: comments and blank lines dropped, continuation lines (ending in \) joined. */
export function logicalLines(text) {
  const lines = [];
  let pending = '';
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!pending && (line === '' || line.startsWith('#'))) continue;
    if (line.endsWith('\\')) {
      pending += `${line.slice(0, -1).trim()} `;
      continue;
    }
    lines.push(`${pending}${line}`.trim());
    pending = '';
  }
  if (pending) lines.push(pending.trim());
  return lines;
}

/** One instruction: its name, its `--flag=value` options, and the rest of the line. */
export function parseInstruction(line) {
  const [, op, rest] = /^(\S+)\s*(.*)$/.exec(line);
  const flags = {};
  let args = rest;
  for (;;) {
    const flag = /^--([a-z-]+)=(\S+)\s*/.exec(args);
    if (!flag) break;
    flags[flag[1]] = flag[2];
    args = args.slice(flag[0].length);
  }
  return { op: op.toUpperCase(), flags, args, line };
}

/** The stages in order, each with its name, base image, final WORKDIR and instructions after FROM. */
export function parseDockerfile(text) {
  const stages = [];
  for (const instruction of logicalLines(text).map(parseInstruction)) {
    if (instruction.op === 'FROM') {
      const [, from, name] = /^(\S+)(?:\s+AS\s+(\S+))?$/i.exec(instruction.args) ?? [];
      if (!from) throw new Error(`cannot read ${instruction.line}`);
      stages.push({ name: name ?? String(stages.length), from, workdir: '/', instructions: [] });
      continue;
    }
    const stage = stages.at(-1);
    if (!stage) throw new Error(`${instruction.line} comes before any FROM`);
    if (instruction.op === 'WORKDIR') stage.workdir = instruction.args.startsWith('/') ? instruction.args : `${stage.workdir}/${instruction.args}`;
    stage.instructions.push(instruction);
  }
  if (stages.length === 0) throw new Error('the Dockerfile has no FROM');
  return { stages };
}
