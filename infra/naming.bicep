// Names derived from the namePrefix parameter, and the rule that keeps each of them legal. main.bicep checks the prefix
// with isValidNamePrefix (a deployment fails before any resource is touched) and main.bicepparam checks it while the
// parameters are built; tests/ChatRequests.Infra.Tests evaluates resourceNames for the extreme prefixes against the
// naming rules of each resource type.

// Lowercase letters, digits and hyphens only: the compact form (hyphens removed) must suit the storage account.
func onlyNameCharacters(prefix string) bool => empty(filter(range(0, length(prefix)), i => !contains('abcdefghijklmnopqrstuvwxyz0123456789-', substring(prefix, i, 1))))

@export()
@description('3 to 16 lowercase letters, digits and hyphens, starting with a letter (Service Bus) and not ending with a hyphen.')
func isValidNamePrefix(prefix string) bool => length(prefix) >= 3 && length(prefix) <= 16 && contains('abcdefghijklmnopqrstuvwxyz', first(prefix)) && last(prefix) != '-' && onlyNameCharacters(prefix)

@export()
type ResourceNames = {
  identity: string
  logs: string
  appInsights: string
  cosmos: string
  serviceBus: string
  storage: string
  plan: string
  botApp: string
  functionsApp: string
  bot: string
}

@export()
@description('Every resource name, from a valid prefix and the 13-character uniqueString of the resource group and prefix.')
func resourceNames(prefix string, suffix string) ResourceNames => {
  identity: '${prefix}-id'
  logs: '${prefix}-logs'
  appInsights: '${prefix}-ai'
  cosmos: take('${replace(prefix, '-', '')}-cosmos-${suffix}', 44)
  serviceBus: take('${replace(prefix, '-', '')}-sb-${suffix}', 50)
  storage: take('${replace(prefix, '-', '')}st${suffix}', 24)
  plan: '${prefix}-${suffix}-plan'
  botApp: '${prefix}-${suffix}-bot'
  functionsApp: '${prefix}-${suffix}-func'
  bot: '${prefix}-bot-${suffix}'
}
