// ChatRequests on Azure: deploy into an existing resource group (see README.md in this folder).
targetScope = 'resourceGroup'

import { isValidNamePrefix, resourceNames } from 'naming.bicep'
import { AppSettings, Tags } from 'types.bicep'

@description('Short name the resources are named after, e.g. "chatreq-prod": 3 to 16 lowercase letters, digits and hyphens, starting with a letter, not ending with a hyphen (naming.bicep).')
@minLength(3)
@maxLength(16)
param namePrefix string

param location string = resourceGroup().location

@description('App Service plan SKU for the bot and the Functions app (Basic or higher: Always On is needed).')
param planSku string = 'B1'

@description('Azure Bot SKU: F0 (free) or S1.')
param botSku string = 'F0'

param botDisplayName string = 'ChatRequests'

param tags Tags = { app: 'chatrequests' }

@description('The Graph directory\'s fulfilment teams and approver groups as flat app settings of both apps, e.g. { "Directory__Teams__0__Id": "team-hardware", "Directory__Teams__0__GroupId": "<Entra group id>", ... } (infra/README.md). Every catalog category needs a team, or the apps refuse to start.')
param directorySettings AppSettings = {}

@description('Model-backed understanding (optional): the name of an existing Azure OpenAI account with an embedding deployment. Empty: the bot reads messages from their words alone (Intake:Provider=Lexical). Set: the identity becomes its Cognitive Services OpenAI User and the bot gets Intake__Provider=AzureOpenAI.')
param openAIAccountName string = ''

@description('The resource group of that account (default: this one).')
param openAIResourceGroupName string = resourceGroup().name

@description('The account\'s embedding deployment name.')
param openAIEmbeddingDeployment string = 'text-embedding-3-small'

@description('Optional: the account\'s chat deployment (structured output, e.g. gpt-4o-mini) that reads the form\'s choice fields from the words; empty: none.')
param openAIChatDeployment string = ''

@description('Who is emailed when an event is parked or the outbox falls behind (modules/alerts.bicep); empty: nobody is emailed.')
param alertEmail string = ''

// Every name comes from here; an illegal prefix fails the deployment before any resource is touched (the lengths are
// checked by the decorators above, the characters here; main.bicepparam checks both while building the parameters).
var names = resourceNames(isValidNamePrefix(namePrefix) ? namePrefix : fail('namePrefix "${namePrefix}" must be 3 to 16 lowercase letters, digits and hyphens, start with a letter and not end with a hyphen.'), uniqueString(resourceGroup().id, namePrefix))

// Role assignments are named after the identity's resource id, known before deployment (its principal id is not:
// naming them after it would make what-if guess, the what-if-short-circuiting rule).
var identityResourceId = resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', names.identity)

module identity 'modules/identity.bicep' = {
  name: 'identity'
  params: { name: names.identity, location: location, tags: tags }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: { workspaceName: names.logs, appInsightsName: names.appInsights, location: location, tags: tags }
}

module alerts 'modules/alerts.bicep' = {
  name: 'alerts'
  params: {
    namePrefix: namePrefix
    location: location
    tags: tags
    appInsightsId: monitoring.outputs.appInsightsId
    alertEmail: alertEmail
    outboxAgeLimitSeconds: 600
  }
}

module cosmos 'modules/cosmos.bicep' = {
  name: 'cosmos'
  params: {
    name: names.cosmos
    location: location
    tags: tags
    principalId: identity.outputs.principalId
    identityResourceId: identityResourceId
  }
}

module serviceBus 'modules/servicebus.bicep' = {
  name: 'serviceBus'
  params: {
    name: names.serviceBus
    location: location
    tags: tags
    principalId: identity.outputs.principalId
    identityResourceId: identityResourceId
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    name: names.storage
    location: location
    tags: tags
    principalId: identity.outputs.principalId
    identityResourceId: identityResourceId
  }
}

module openAI 'modules/openai-access.bicep' = if (!empty(openAIAccountName)) {
  name: 'openAIAccess'
  scope: resourceGroup(openAIResourceGroupName)
  params: {
    accountName: openAIAccountName
    principalId: identity.outputs.principalId
    identityResourceId: identityResourceId
  }
}

module apps 'modules/apps.bicep' = {
  name: 'apps'
  params: {
    planName: names.plan
    botAppName: names.botApp
    functionsAppName: names.functionsApp
    location: location
    tags: tags
    planSku: planSku
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    tenantId: identity.outputs.tenantId
    appInsightsConnectionString: monitoring.outputs.appInsightsConnectionString
    cosmosEndpoint: cosmos.outputs.endpoint
    cosmosDatabaseName: cosmos.outputs.databaseName
    serviceBusNamespace: serviceBus.outputs.fullyQualifiedNamespace
    functionsStorageAccountName: storage.outputs.name
    directorySettings: directorySettings
    openAIEndpoint: empty(openAIAccountName) ? '' : openAI!.outputs.endpoint
    openAIEmbeddingDeployment: openAIEmbeddingDeployment
    openAIChatDeployment: openAIChatDeployment
  }
}

module bot 'modules/bot.bicep' = {
  name: 'bot'
  params: {
    name: names.bot
    displayName: botDisplayName
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    tenantId: identity.outputs.tenantId
    endpointHostName: apps.outputs.botHostName
    sku: botSku
    tags: tags
  }
}

@description('The bot\'s Microsoft App ID (the managed identity\'s client id): bash manifest/build.sh --bot-id')
output botAppId string = bot.outputs.appId

@description('The bot\'s host name: bash manifest/build.sh --domain')
output botHostName string = apps.outputs.botHostName

output functionsHostName string = apps.outputs.functionsHostName
output managedIdentityPrincipalId string = identity.outputs.principalId
output cosmosEndpoint string = cosmos.outputs.endpoint
output serviceBusNamespace string = serviceBus.outputs.fullyQualifiedNamespace
