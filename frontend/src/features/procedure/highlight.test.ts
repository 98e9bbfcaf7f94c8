import { describe, expect, it } from 'vitest';
import type { Standing } from './api/procedure';
import { diagramPlan } from './highlight';

const main: Standing = {
  instanceId: 'pi-main',
  parentId: null,
  key: 'regularisation',
  name: 'Régularisation',
  definitionId: 'regularisation:3:1',
  activeActivityIds: ['callAppointment', 'callReceipt'],
  ended: false,
};

describe("the diagram's highlighting", () => {
  it('draws the main process first with its running call activities, then the called ones with their steps', () => {
    const appointment: Standing = {
      instanceId: 'pi-app',
      parentId: 'pi-main',
      key: 'appointment',
      name: null,
      definitionId: 'appointment:2:5',
      activeActivityIds: ['recordBookingAttempt'],
      ended: false,
    };
    const plans = diagramPlan([appointment, main]);
    expect(plans.map((plan) => [plan.key, plan.current, plan.depth])).toEqual([
      ['regularisation', ['callAppointment', 'callReceipt'], 0],
      ['appointment', ['recordBookingAttempt'], 1],
    ]);
    expect(plans[1]?.title).toBe('appointment');
  });

  it('draws a process running twice once, with both steps marked', () => {
    const one = {
      ...main,
      instanceId: 'a',
      parentId: 'pi-main',
      key: 'appeal',
      definitionId: 'appeal:1:1',
      activeActivityIds: ['x'],
    };
    const two = { ...one, instanceId: 'b', activeActivityIds: ['y'] };
    const plans = diagramPlan([main, one, two]);
    expect(plans).toHaveLength(2);
    expect(plans[1]?.current).toEqual(['x', 'y']);
  });

  it('shows an ended procedure at its end event', () => {
    const ended = { ...main, activeActivityIds: ['endGranted'], ended: true };
    expect(diagramPlan([ended])).toEqual([
      expect.objectContaining({ key: 'regularisation', current: ['endGranted'], ended: true }),
    ]);
  });
});
