/** `people.find` (issue 14, subject access; administrators only: the permission table says so). */
import { findPerson, type PeopleSearchSources } from '../../subject-access/people-search';
import { signedIn, type ApiHandlers } from '../dispatcher';

type PeopleMethods = Extract<keyof ApiHandlers, `people.${string}`>;

export function peopleHandlers(sources: () => PeopleSearchSources): Pick<ApiHandlers, PeopleMethods> {
  return {
    // P-7.1: the caller's need-to-know narrows the matches.
    'people.find': (input, context) => findPerson(sources(), input, signedIn(context)),
  };
}
