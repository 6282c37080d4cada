import { describe, expect, it } from '@jest/globals';
import { svarsrubrik } from './svarsrubrik';

describe('svarsrubrik', () => {
  it.each([
    ['Förslag till policy för digital omställning', 'Svar på remiss om förslag till policy för digital omställning'],
    ['Policy för digital omställning', 'Svar på remiss om policy för digital omställning'],
    ['Remiss av förslag till avfallsplan 2026–2030', 'Svar på remiss av förslag till avfallsplan 2026–2030'],
    ['Remiss om ny översiktsplan', 'Svar på remiss om ny översiktsplan'],
    ['Remiss: Strategi för artificiell intelligens', 'Svar på remiss om strategi för artificiell intelligens'],
    ['EU:s nya dataförordning', 'Svar på remiss om EU:s nya dataförordning'],
    ['IT-strategi 2027', 'Svar på remiss om IT-strategi 2027'],
    ['Remissvar från regionen', 'Svar på remiss om remissvar från regionen'],
    ['Översiktsplan för Enköping', 'Svar på remiss om översiktsplan för Enköping'],
  ])('%s → %s', (arendemening, rubrik) => {
    expect(svarsrubrik(arendemening)).toBe(rubrik);
  });
});
