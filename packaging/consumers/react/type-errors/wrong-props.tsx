// Must NOT type-check (packaging/consumers.test.mjs asserts each error below, and only these):
// the typings reject what the elements would not understand.
import { IprComplaintForm } from '@ipr/elements/react';
import type { IprComplaintOpenEvent } from '@ipr/elements';

const onOpen = (event: IprComplaintOpenEvent) => console.log(event.detail.id);

export const wrong = (
  <>
    {/* error: a theme the wrapper does not have */}
    <IprComplaintForm theme="purple" />
    {/* error: a handler for another event */}
    <IprComplaintForm onIprComplaintSubmitted={onOpen} />
    {/* error: a theme the raw tag does not have */}
    <ipr-complaint-list theme="purple" />
    {/* error: a handler for another event on the raw tag */}
    <ipr-complaint-form onipr-complaint-submitted={onOpen} />
  </>
);
