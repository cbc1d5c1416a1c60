// One Linux App Service plan running the bot (web app) and the Functions app (custom handler), both with the
// shared user-assigned identity. A dedicated plan (not Consumption) because Consumption on Linux needs a
// storage connection string with a key for its content share, and this deployment has no keys.
import { AppSettings, Tags } from '../types.bicep'

param planName string
param botAppName string
param functionsAppName string
param location string
param tags Tags
param planSku string
param identityId string
param identityClientId string
param tenantId string
param appInsightsConnectionString string
param cosmosEndpoint string
param cosmosDatabaseName string
param serviceBusNamespace string
param functionsStorageAccountName string

@description('The Graph directory\'s teams and approver groups as flat app settings (Directory__Teams__0__Id, ...); see infra/README.md.')
param directorySettings AppSettings

@description('An Azure OpenAI endpoint for model-backed understanding (the bot only); empty: messages are read from their words alone.')
param openAIEndpoint string
param openAIEmbeddingDeployment string
param openAIChatDeployment string

resource plan 'Microsoft.Web/serverfarms@2025-03-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'linux'
  sku: { name: planSku }
  properties: { reserved: true }
}

// The Graph teams and approver groups, one app setting per flat key. A for-expression may only be the whole value of a
// variable (BCP138: not an argument of concat), hence a variable of its own.
var directoryAppSettings = [for setting in items(directorySettings): { name: setting.key, value: setting.value }]

// Settings both hosts read (hosting/ChatRequests.Composition/AdapterSelection.cs): the Azure adapters instead of the
// embedded default, and the bot's identity, which the Functions app needs too since it posts to Teams as the bot
// (README, "Run on Azure"). Keep this list and that table together.
var sharedSettings = concat([
  { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: appInsightsConnectionString }
  // DefaultAzureCredential (the Cosmos DB client) picks the user-assigned identity by this client id.
  { name: 'AZURE_CLIENT_ID', value: identityClientId }
  { name: 'Storage__Provider', value: 'Cosmos' }
  { name: 'Cosmos__Endpoint', value: cosmosEndpoint }
  { name: 'Cosmos__Database', value: cosmosDatabaseName }
  { name: 'Directory__Provider', value: 'Graph' }
  { name: 'Directory__ManagedIdentityClientId', value: identityClientId }
  { name: 'Fulfilment__Mode', value: 'ServiceBus' }
  // The bot's identity is the managed identity: no app password exists anywhere.
  { name: 'MicrosoftAppId', value: identityClientId }
  { name: 'MicrosoftAppType', value: 'UserAssignedMSI' }
  { name: 'MicrosoftAppTenantId', value: tenantId }
  // For opening a chat with someone before any conversation is stored (the Functions app hears no activity).
  { name: 'Bot__BotId', value: '28:${identityClientId}' }
  { name: 'Bot__TenantId', value: tenantId }
], directoryAppSettings)

// How the bot reads messages (hosting/ChatRequests.Composition/AdapterChoice.cs): only the bot reads them. The model is
// called with the identity (AZURE_CLIENT_ID), which openai-access.bicep makes a Cognitive Services OpenAI User.
var intakeSettings = empty(openAIEndpoint) ? [] : [
  { name: 'Intake__Provider', value: 'AzureOpenAI' }
  { name: 'Intake__AzureOpenAI__Endpoint', value: openAIEndpoint }
  { name: 'Intake__AzureOpenAI__EmbeddingDeployment', value: openAIEmbeddingDeployment }
  { name: 'Intake__AzureOpenAI__ChatDeployment', value: openAIChatDeployment }
]

resource bot 'Microsoft.Web/sites@2025-03-01' = {
  name: botAppName
  location: location
  tags: tags
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identityId}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      linuxFxVersion: 'DOTNETCORE|10.0'
      alwaysOn: true
      ftpsState: 'Disabled'
      minTlsVersion: '1.2'
      // Liveness only (process up, store answers): parked events are business status, at /status (bot/ChatRequests.Bot/Health).
      healthCheckPath: '/health'
      appSettings: concat(sharedSettings, intakeSettings, [
        // The built-in Linux .NET image routes to the port in PORT (8080). appsettings.json binds the bot to 127.0.0.1:3978
        // for local use, and a Urls setting wins over ASPNETCORE_HTTP_PORTS, so this app setting rebinds it to 8080.
        // (WEBSITES_PORT is read for custom containers only; infra/README.md.)
        { name: 'Urls', value: 'http://0.0.0.0:8080' }
        // glibc reads it as the process starts: two malloc arenas instead of up to sixteen (ADR 0047).
        { name: 'MALLOC_ARENA_MAX', value: '2' }
      ])
    }
  }
}

resource functions 'Microsoft.Web/sites@2025-03-01' = {
  name: functionsAppName
  location: location
  tags: tags
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identityId}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      // Custom handler on Linux: the stack's linuxFxVersion is empty and the worker runtime is "custom".
      linuxFxVersion: ''
      alwaysOn: true
      ftpsState: 'Disabled'
      minTlsVersion: '1.2'
      appSettings: concat(sharedSettings, [
        { name: 'FUNCTIONS_EXTENSION_VERSION', value: '~4' }
        { name: 'FUNCTIONS_WORKER_RUNTIME', value: 'custom' }
        // Identity-based connections: <connection>__<property>, credential + clientId for a user-assigned identity.
        { name: 'AzureWebJobsStorage__accountName', value: functionsStorageAccountName }
        { name: 'AzureWebJobsStorage__credential', value: 'managedidentity' }
        { name: 'AzureWebJobsStorage__clientId', value: identityClientId }
        // The bindings of */function.json: %CosmosDatabaseName%, connection "CosmosDb" (trigger), "ServiceBus"
        // (output and trigger; the queue name `fulfilment` is written in function.json, as in servicebus.bicep).
        { name: 'CosmosDatabaseName', value: cosmosDatabaseName }
        { name: 'CosmosDb__accountEndpoint', value: cosmosEndpoint }
        { name: 'CosmosDb__credential', value: 'managedidentity' }
        { name: 'CosmosDb__clientId', value: identityClientId }
        { name: 'ServiceBus__fullyQualifiedNamespace', value: serviceBusNamespace }
        { name: 'ServiceBus__credential', value: 'managedidentity' }
        { name: 'ServiceBus__clientId', value: identityClientId }
      ])
    }
  }
}

output botHostName string = bot.properties.defaultHostName
output functionsHostName string = functions.properties.defaultHostName
