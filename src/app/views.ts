// One registry of views: the navigation, the routes and their lazy chunks.
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { MessageKey } from '../i18n/messages.ts';
import type { ViewId } from '../state/view-state.ts';
import ComparePage from '../features/compare/ComparePage.tsx';

export interface ViewDef {
  id: ViewId;
  label: MessageKey;
  component: ComponentType | LazyExoticComponent<ComponentType>;
}

export const VIEWS: ViewDef[] = [
  { id: 'compare', label: 'view.compare', component: ComparePage },
  { id: 'table', label: 'view.table', component: lazy(() => import('../features/table/TablePage.tsx')) },
  { id: 'district', label: 'view.district', component: lazy(() => import('../features/district/DistrictPage.tsx')) },
  { id: 'map', label: 'view.map', component: lazy(() => import('../features/map/MapPage.tsx')) },
  { id: 'coverage', label: 'view.coverage', component: lazy(() => import('../features/coverage/CoveragePage.tsx')) },
  { id: 'sources', label: 'view.sources', component: lazy(() => import('../features/sources/SourcesPage.tsx')) },
  { id: 'methodology', label: 'view.methodology', component: lazy(() => import('../features/methodology/MethodologyPage.tsx')) },
  { id: 'import', label: 'view.import', component: lazy(() => import('../features/import/ImportPage.tsx')) },
];
