// The host the ribbon commands use: the open workbook through Office.js. register.ts imports it
// from here so that tests can swap it (setHostFactory) without touching src/hosts/officejs.
export { createOfficeAddinHost } from '../hosts/officejs';
