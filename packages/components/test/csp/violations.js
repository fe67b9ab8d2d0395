// Counts what the page's content security policy blocks: the test expects none.
window.cspViolations = [];
document.addEventListener(
  'securitypolicyviolation',
  (event) => window.cspViolations.push(`${event.effectiveDirective}: ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`),
  true,
);
