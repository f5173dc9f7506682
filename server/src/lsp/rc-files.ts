// Client → server notification of the web build: the workspace's .workreportrc.json files
// (the web worker cannot read files itself). Each notification carries the whole set.
export const RC_FILES_NOTIFICATION = 'workreport/rcFiles';

export interface RcFilesParams {
  files: { uri: string; text: string }[];
}
