// Model-backed understanding (Intake:Provider=AzureOpenAI): lets the identity call an existing Azure OpenAI account.
// The account and its embedding deployment are not created here: most tenants already have one, with its own quota.
param accountName string
param principalId string

@description('The identity\'s resource id: the role assignments are named after it (known before deployment, unlike principalId).')
param identityResourceId string

// Cognitive Services OpenAI User: call the deployments (embeddings, chat); no keys, no management.
var cognitiveServicesOpenAIUser = '5e0bd9bd-7b93-4f28-af87-19fc36ad61bd'

resource account 'Microsoft.CognitiveServices/accounts@2026-09-01' existing = {
  name: accountName
}

resource openAIUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(account.id, identityResourceId, cognitiveServicesOpenAIUser)
  scope: account
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', cognitiveServicesOpenAIUser)
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}

output endpoint string = account.properties.endpoint
