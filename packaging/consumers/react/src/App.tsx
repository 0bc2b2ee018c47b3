import { useState } from 'react';
// The wrappers register every tag and type the raw tags in JSX too (@ipr/elements/react-jsx).
import { IprComplaintForm, IprProvider } from '@ipr/elements/react';
import type { IprComplaintOpenEvent, IprComplaintSubmittedEvent } from '@ipr/elements';

// The API answers on this origin under /v1. getToken is called before each request (and again
// after a 401): a real host asks its backend; this app reads a demo token from its address.
const apiBase = window.location.origin;
const getToken = () => new URLSearchParams(window.location.search).get('token') ?? '';

export function App() {
  const [submitted, setSubmitted] = useState('');
  const [opened, setOpened] = useState('');

  const onSubmitted = (event: IprComplaintSubmittedEvent) => setSubmitted(event.detail.number);
  const onOpen = (event: IprComplaintOpenEvent) => setOpened(event.detail.number);

  return (
    <IprProvider apiBase={apiBase} getToken={getToken} locale="en">
      {/* A wrapper: camelCase event props typed by the event classes. */}
      <IprComplaintForm theme="light" onIprComplaintSubmitted={onSubmitted} />
      {/* A raw tag: attributes as in HTML, events as onipr-… props (React 19 adds the listener). */}
      <ipr-complaint-list theme="auto" onipr-complaint-open={onOpen} />
      <p>
        Filed: <output id="submitted">{submitted}</output>
      </p>
      <p>
        Opened: <output id="opened">{opened}</output>
      </p>
    </IprProvider>
  );
}
