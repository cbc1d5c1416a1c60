// The team tab's configuration page: Teams shows it when the tab is added (and on Settings); Save stores the tab's page
// address with pages.config.setConfig. The team typed here is only a filter: the server still decides what each viewer sees.
(function () {
  'use strict';
  const form = document.getElementById('config');
  const message = document.getElementById('message');
  const teams = window.microsoftTeams;
  if (window.parent === window || !teams) {
    message.textContent = 'This page sets up the dashboard tab inside Teams: add the tab to a channel there.';
    return;
  }

  function tabUrl() {
    const team = form.elements.team.value.trim();
    return location.origin + '/dashboard' + (team ? '?team=' + encodeURIComponent(team) : '');
  }

  teams.app.initialize().then(() => {
    teams.pages.config.registerOnSaveHandler(save => {
      const team = form.elements.team.value.trim();
      teams.pages.config.setConfig({
        entityId: 'dashboard' + (team ? '-' + team.toLowerCase().replace(/[^a-z0-9]+/g, '-').slice(0, 40) : ''),
        contentUrl: tabUrl(),
        websiteUrl: tabUrl(),
        suggestedDisplayName: team ? 'Requests: ' + team.slice(0, 40) : 'Requests dashboard',
      }).then(() => save.notifySuccess(), e => save.notifyFailure((e && e.message) || String(e)));
    });
    teams.pages.config.setValidityState(true);
    teams.app.notifySuccess();
  }, e => { message.textContent = 'Teams did not answer (' + ((e && e.message) || e) + '). Close this window and try again.'; });
})();
