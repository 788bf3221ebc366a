// The codecs' types (`Diagnostic`, `ASCII`, the transfer decoders) are part of the core's API:
// users import MIMECore alone.
@_exported public import MIMECodecs
@_exported public import MIMECharset
