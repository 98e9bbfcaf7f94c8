/** The grounds of the procedure (CESEDA articles) the backend knows. */
export const GROUNDS = [
  'L435-1',
  'L423-23',
  'L423-7',
  'L423-1',
  'L425-9',
  'L423-21',
  'L423-22',
  'L425-1',
  'L425-6',
  'L425-7',
  'L435-2',
  'L435-4',
];
