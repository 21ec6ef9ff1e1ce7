/**
 * A one-off task on the team's CouchDB server run with an administrator's name and password that
 * are used once and never saved: preparing the server (issue 13, Settings → Sync) and cleaning it
 * after erasures (issue 14, Settings → Retention). The password field is emptied once the server
 * has answered; a refusal is shown in the user's language, and an earlier answer is not left on
 * screen beside a new refusal.
 */
import { useState } from 'react';
import { useErrors } from '../errors/useErrors';

export interface ServerAdministrator {
  readonly username: string;
  readonly password: string;
}

export function useServerAdministration<R>(task: (administrator: ServerAdministrator) => Promise<R>) {
  const errors = useErrors();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [result, setResult] = useState<R | null>(null);
  const run = async () => {
    setBusy(true);
    setProblem(null);
    setResult(null);
    try {
      setResult(await task({ username, password }));
      setPassword('');
    } catch (error) {
      setProblem(errors.text(error));
    } finally {
      setBusy(false);
    }
  };
  return { username, setUsername, password, setPassword, busy, problem, result, run };
}
