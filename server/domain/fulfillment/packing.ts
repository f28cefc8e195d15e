/**
 * What may go into a package: per order line, the units allocated at the packing center less the
 * units already packed there (in packages shipped or still waiting). Pure: the caller loads both.
 */
export type PackableLine = { orderLineId: string; sku: string; allocated: number; packed: number };
export type PackageRequestLine = { orderLineId: string; quantity: number };

export type PackagePlan =
  | { ok: true; lines: PackageRequestLine[]; itemCount: number }
  | { ok: false; message: string; fieldErrors: Record<string, string[]> };

/** Units of a line still to pack at the center (never negative). */
export function remainingToPack(line: Pick<PackableLine, 'allocated' | 'packed'>): number {
  return Math.max(0, line.allocated - line.packed);
}

/**
 * Checks a requested package against what is left to pack. Field errors are keyed
 * `lines.<index>.quantity` (the request's index), so a form shows each beside its line.
 */
export function planPackage(packable: readonly PackableLine[], requested: readonly PackageRequestLine[]): PackagePlan {
  const fieldErrors: Record<string, string[]> = {};
  const seen = new Set<string>();
  requested.forEach((line, index) => {
    const key = `lines.${index}.quantity`;
    const target = packable.find((candidate) => candidate.orderLineId === line.orderLineId);
    if (!target) {
      fieldErrors[key] = ['That line has nothing allocated at this fulfillment center.'];
    } else if (seen.has(line.orderLineId)) {
      fieldErrors[key] = [`${target.sku} is listed twice; enter its quantity once.`];
    } else if (!Number.isInteger(line.quantity) || line.quantity < 1) {
      fieldErrors[key] = [`Enter a whole number of at least 1 for ${target.sku}.`];
    } else if (line.quantity > remainingToPack(target)) {
      const left = remainingToPack(target);
      fieldErrors[key] = [
        left === 0
          ? `${target.sku} is already fully packed here (${target.allocated} allocated, ${target.packed} packed).`
          : `At most ${left} of ${target.sku} can still be packed here (${target.allocated} allocated, ${target.packed} already packed).`,
      ];
    }
    seen.add(line.orderLineId);
  });
  if (requested.length === 0)
    return {
      ok: false,
      message: 'Enter a quantity for at least one line.',
      fieldErrors: { lines: ['Enter a quantity for at least one line.'] },
    };
  if (Object.keys(fieldErrors).length > 0)
    return { ok: false, message: 'Some quantities cannot be packed.', fieldErrors };
  return {
    ok: true,
    lines: requested.map(({ orderLineId, quantity }) => ({ orderLineId, quantity })),
    itemCount: requested.reduce((sum, line) => sum + line.quantity, 0),
  };
}
