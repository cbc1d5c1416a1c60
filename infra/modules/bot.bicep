// The Azure Bot resource: the bot's identity is the user-assigned managed identity (no app password),
// its messaging endpoint is the web app, and the Microsoft Teams channel is on.
import { Tags } from '../types.bicep'

param name string
param displayName string
param identityId string
param identityClientId string
param tenantId string
param endpointHostName string
param sku string
param tags Tags

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: name
  location: 'global'
  tags: tags
  kind: 'azurebot'
  sku: { name: sku }
  properties: {
    displayName: displayName
    endpoint: 'https://${endpointHostName}/api/messages'
    msaAppType: 'UserAssignedMSI'
    msaAppId: identityClientId
    msaAppMSIResourceId: identityId
    msaAppTenantId: tenantId
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

output appId string = bot.properties.msaAppId
