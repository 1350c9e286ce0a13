// Preload (`node -r`): any module that resolves inside one of the folders in WAYPOINT_HIDDEN_DIRS (a
// JSON array of absolute paths) fails as if not installed, so a test can start the bot as a
// production install (`npm ci --omit=dev`) would have it.
'use strict';
const Module = require('node:module');
const path = require('node:path');

const hidden = JSON.parse(process.env.WAYPOINT_HIDDEN_DIRS || '[]').map((dir) => dir + path.sep);
const resolve = Module._resolveFilename;
Module._resolveFilename = function resolveUnlessHidden(request, ...rest) {
  const file = resolve.call(this, request, ...rest);
  if (hidden.some((dir) => file.startsWith(dir))) {
    const error = new Error(`Cannot find module '${request}' (a production install leaves it out)`);
    error.code = 'MODULE_NOT_FOUND';
    throw error;
  }
  return file;
};
