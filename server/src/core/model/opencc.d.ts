declare module 'opencc-js/dict/*' {
  const data: string;
  export default data;
}
