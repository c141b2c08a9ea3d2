/** The two slots a service runs in on each droplet; one serves while the other takes the next release. */
export type Slot = 'blue' | 'green';

export interface SlotPorts {
  readonly blue: number;
  readonly green: number;
}

export const otherSlot = (slot: Slot): Slot => (slot === 'blue' ? 'green' : 'blue');

/** The slot the next release goes to: the one not serving (blue when nothing serves yet). */
export const idleSlot = (active: Slot | undefined): Slot =>
  active === undefined ? 'blue' : otherSlot(active);

export const slotContainer = (service: string, slot: Slot): string => `opsctl-${service}-${slot}`;

export const slotPort = (ports: SlotPorts, slot: Slot): number => ports[slot];
