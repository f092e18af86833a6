/**
 * Kendall's tau-b between two rankings given as tiers (best first; ids in one tier are tied), over
 * the ids both place. Undefined (null) when either side ties every pair or fewer than two ids are
 * shared.
 */
export function kendallTauB(a: readonly (readonly string[])[], b: readonly (readonly string[])[]) {
  const rankA = ranks(a);
  const rankB = ranks(b);
  const ids = [...rankA.keys()].filter((id) => rankB.has(id));
  let concordant = 0;
  let discordant = 0;
  let tiedA = 0;
  let tiedB = 0;
  for (let i = 0; i < ids.length; i++)
    for (let j = i + 1; j < ids.length; j++) {
      const da = Math.sign(rank(rankA, ids[i]) - rank(rankA, ids[j]));
      const db = Math.sign(rank(rankB, ids[i]) - rank(rankB, ids[j]));
      if (da === 0 && db === 0) continue;
      if (da === 0) tiedA++;
      else if (db === 0) tiedB++;
      else if (da === db) concordant++;
      else discordant++;
    }
  const denominator = Math.sqrt((concordant + discordant + tiedA) * (concordant + discordant + tiedB));
  return denominator === 0 ? null : (concordant - discordant) / denominator;
}

function ranks(tiers: readonly (readonly string[])[]): Map<string, number> {
  const out = new Map<string, number>();
  tiers.forEach((tier, place) => {
    for (const id of tier) out.set(id, place);
  });
  return out;
}

const rank = (ranks: Map<string, number>, id: string | undefined) => ranks.get(id as string) ?? 0;
