using System;
using System.Collections.Generic;
using System.IO;
using Amazon.Runtime;

namespace Amazon.SecretsManager.Model
{
    /// <summary>Container for the parameters to the GetSecretValue operation.</summary>
    public partial class GetSecretValueRequest : AmazonWebServiceRequest
    {
        /// <summary>The ARN or name of the secret to retrieve.</summary>
        public string SecretId { get; set; }

        /// <summary>The unique identifier of the version of the secret to retrieve.</summary>
        public string VersionId { get; set; }

        /// <summary>The staging label of the version of the secret to retrieve.</summary>
        public string VersionStage { get; set; }
    }

    /// <summary>This is the response object from the GetSecretValue operation.</summary>
    public partial class GetSecretValueResponse : AmazonWebServiceResponse
    {
        /// <summary>The ARN of the secret.</summary>
        public string ARN { get; set; }

        /// <summary>The friendly name of the secret.</summary>
        public string Name { get; set; }

        /// <summary>The decrypted secret value, if the secret value was originally provided as binary data.</summary>
        public MemoryStream SecretBinary { get; set; }

        /// <summary>The decrypted secret value, if the secret value was originally provided as a string.</summary>
        public string SecretString { get; set; }

        /// <summary>The unique identifier of this version of the secret.</summary>
        public string VersionId { get; set; }

        /// <summary>A list of all of the staging labels currently attached to this version of the secret.</summary>
        public List<string> VersionStages { get; set; }

        /// <summary>The date and time that this version of the secret was created.</summary>
        public DateTime? CreatedDate { get; set; }
    }

    /// <summary>Container for the parameters to the BatchGetSecretValue operation.</summary>
    public partial class BatchGetSecretValueRequest : AmazonWebServiceRequest
    {
        /// <summary>The ARN or names of the secrets to retrieve.</summary>
        public List<string> SecretIdList { get; set; }
    }

    /// <summary>This is the response object from the BatchGetSecretValue operation.</summary>
    public partial class BatchGetSecretValueResponse : AmazonWebServiceResponse
    {
        /// <summary>A list of secret values.</summary>
        public List<SecretValueEntry> SecretValues { get; set; }
    }

    /// <summary>A structure that contains the secret value and other details for a secret.</summary>
    public partial class SecretValueEntry
    {
        /// <summary>The friendly name of the secret.</summary>
        public string Name { get; set; }

        /// <summary>The decrypted secret value, if the secret value was originally provided as a string.</summary>
        public string SecretString { get; set; }
    }

    /// <summary>Container for the parameters to the DescribeSecret operation.</summary>
    public partial class DescribeSecretRequest : AmazonWebServiceRequest
    {
        /// <summary>The ARN or name of the secret.</summary>
        public string SecretId { get; set; }
    }

    /// <summary>This is the response object from the DescribeSecret operation.</summary>
    public partial class DescribeSecretResponse : AmazonWebServiceResponse
    {
        /// <summary>The name of the secret.</summary>
        public string Name { get; set; }
    }
}
