// Cooperation projects' methods, implemented.
import { implement } from '../contract/handlers.js';
import { registerMemberReferenceCheck } from '../members/members.js';
import { projectMethods } from './contract.js';
import { createProject, customProjectKinds, deleteProject, getProject, listProjects, updateProject } from './projects.js';

export const projectHandlers = implement(projectMethods, {
  'projects.list': (input, { ctx }) => listProjects(ctx, input),
  'projects.get': (input, { ctx }) => getProject(ctx, input.id),
  'projects.kinds': (_input, { ctx }) => customProjectKinds(ctx),
  'projects.create': (input, { ctx }) => createProject(ctx, input),
  'projects.update': (input, { ctx }) => updateProject(ctx, input),
  'projects.delete': (input, { ctx }) => deleteProject(ctx, input.id),
});

// A partner of a project cannot be deleted: the project's figures would lose the unit they belong to.
registerMemberReferenceCheck((ctx, organizationId) => {
  const names = ctx.sqlite.prepare('SELECT p.name FROM project_partners pp JOIN projects p ON p.id = pp.project_id WHERE pp.organization_id = ? ORDER BY p.name LIMIT 3').pluck().all(organizationId) as string[];
  if (names.length === 0) return null;
  return { key: 'errors.memberInProjects', params: { names: names.join('、') }, message: `This member is a partner of ${names.join(', ')}; it cannot be deleted.` };
});
