{
  "AWSTemplateFormatVersion": "2010-09-09",
  "Description": [=stack.description?c]
}
