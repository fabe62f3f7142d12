// Observations, districts and indicators the user imported in this browser.
// The import feature fills this store; every view reads it through the data hooks.
import { create } from 'zustand';
import type { District, Indicator } from '../domain/types.ts';
import type { DataObservation } from '../domain/obs-file.ts';

export interface ImportedFile {
  id: string;
  name: string;
  importedAt: string;
  rows: number;
}

interface ImportedStore {
  files: ImportedFile[];
  observations: DataObservation[];
  districts: District[];
  indicators: Indicator[];
}

export const useImported = create<ImportedStore>(() => ({ files: [], observations: [], districts: [], indicators: [] }));
