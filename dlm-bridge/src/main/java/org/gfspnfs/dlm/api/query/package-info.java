/** Read-only snapshot records of DLM state, for the control channel and tests. */
package org.gfspnfs.dlm.api.query;
