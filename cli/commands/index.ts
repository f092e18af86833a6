import type { Command } from '../command.ts';
import { audit } from './audit.ts';
import { demo } from './demo.ts';
import { exportItems } from './export.ts';
import { generate } from './generate.ts';
import { importItems } from './import.ts';
import { jobsCancel } from './jobs-cancel.ts';
import { jobsList } from './jobs-list.ts';
import { jobsShow } from './jobs-show.ts';
import { judgeReport } from './judge-report.ts';
import { mediaList } from './media-list.ts';
import { mediaReprobe } from './media-reprobe.ts';
import { memberAdd } from './member-add.ts';
import { memberInvite } from './member-invite.ts';
import { memberList } from './member-list.ts';
import { metrics } from './metrics.ts';
import { modelAdd } from './model-add.ts';
import { modelList } from './model-list.ts';
import { modelRemove } from './model-remove.ts';
import { modelTest } from './model-test.ts';
import { projectCreate } from './project-create.ts';
import { projectList } from './project-list.ts';
import { projectShow } from './project-show.ts';
import { skillAdd, skillList, userSkills } from './skill.ts';
import { start } from './start.ts';
import { tokenCreate } from './token-create.ts';
import { userAdd } from './user-add.ts';
import { userImport } from './user-import.ts';
import { userList } from './user-list.ts';
import { userResetPassword } from './user-reset-password.ts';
import { userOffboard, userReinstate, userSuspend } from './user-status.ts';
import { worklog } from './worklog.ts';

/** Every command, in the order `verity --help` lists them. */
export const commands = [
  start,
  demo,
  userAdd,
  tokenCreate,
  userResetPassword,
  userList,
  userSuspend,
  userOffboard,
  userReinstate,
  userImport,
  userSkills,
  skillList,
  skillAdd,
  projectCreate,
  projectList,
  projectShow,
  memberAdd,
  memberInvite,
  memberList,
  importItems,
  exportItems,
  mediaList,
  mediaReprobe,
  metrics,
  judgeReport,
  worklog,
  audit,
  modelAdd,
  modelList,
  modelTest,
  modelRemove,
  jobsList,
  jobsShow,
  jobsCancel,
  generate,
] satisfies readonly Command[] as readonly Command[];
