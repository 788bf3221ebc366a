public import MIMECore
