// Types the modules share.

@export()
@description('Resource tags: names and values are strings.')
type Tags = { *: string }

@export()
@description('App settings as a flat object of names and string values (e.g. Directory__Teams__0__Id).')
type AppSettings = { *: string }
