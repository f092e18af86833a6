import { useState } from 'react';
import { useTitle } from '../app/router.tsx';
import { PersonSkills } from '../console/skills/PersonSkills.tsx';
import { SkillCatalogue } from '../console/skills/SkillCatalogue.tsx';
import '../console/console.css';

/** The Skills page (admins and managers; docs/skills.md): the catalogue, and a person's skills by email. */
export function Skills() {
  useTitle('Skills');
  const [round, setRound] = useState(0);
  return (
    <div className="stack">
      <h1>Skills</h1>
      <SkillCatalogue round={round} onChanged={() => setRound((r) => r + 1)} />
      <PersonSkills onChanged={() => setRound((r) => r + 1)} />
    </div>
  );
}
