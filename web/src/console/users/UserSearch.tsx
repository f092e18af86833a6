import { type FormEvent, useEffect, useState } from 'react';

/**
 * The search box of the Users page: a part of a name or email, sent on Enter or Search; the page
 * keeps it in its address (`?q=`), so a search can be shared and survives a reload.
 */
export function UserSearch({ q, onSearch }: { q: string; onSearch(q: string): void }) {
  const [text, setText] = useState(q);
  useEffect(() => setText(q), [q]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSearch(text.trim());
  };
  return (
    <search>
      <form className="row align-end" onSubmit={submit}>
        <div className="field">
          <label htmlFor="user-search">Search users</label>
          <input
            id="user-search"
            type="search"
            maxLength={100}
            placeholder="Name or email"
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        </div>
        <button type="submit">Search</button>
        {q && (
          <button type="button" onClick={() => onSearch('')}>
            Show everyone
          </button>
        )}
      </form>
    </search>
  );
}
