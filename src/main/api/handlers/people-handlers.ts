/** `people.*` (issue 14, subject access; administrators only: the permission table says so). */
import { findPerson, type PeopleSearchSources } from '../../subject-access/people-search';
import { chooseArchive, type ChooseSavePath } from '../../subject-access/archive-chooser';
import { exportSubjectAccess, reviewSubjectAccess, type SubjectAccessPorts } from '../../subject-access/subject-access-export';
import { signedIn, type ApiHandlers } from '../dispatcher';

type PeopleMethods = Extract<keyof ApiHandlers, `people.${string}`>;

export function peopleHandlers(
  sources: () => PeopleSearchSources,
  subjectAccess: () => SubjectAccessPorts,
  chooseSavePath?: ChooseSavePath,
): Pick<ApiHandlers, PeopleMethods> {
  return {
    // P-7.1: the caller's need-to-know narrows the matches, and refuses a case they may not open.
    'people.find': (input, context) => findPerson(sources(), input, signedIn(context)),
    'people.review': (input, context) => reviewSubjectAccess(subjectAccess(), input, signedIn(context)),
    'people.export': (input, context) => exportSubjectAccess(subjectAccess(), input, signedIn(context)),
    'people.chooseArchive': (input) => chooseArchive(chooseSavePath, input.suggestedName),
  };
}
