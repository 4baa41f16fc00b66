// The project models bound to their tables.
import { projectFigures, projectPartners, projects } from '../../db/schema.js';
import { bindModel } from '../records/model.js';
import { projectFields, projectFigureFields, projectPartnerFields } from './fields.js';

export const projectModel = bindModel('project', projects, projectFields);
export const projectPartnerModel = bindModel('project_partner', projectPartners, projectPartnerFields);
export const projectFigureModel = bindModel('project_figure', projectFigures, projectFigureFields);
