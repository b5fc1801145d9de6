using System;
using Amazon.KeyManagementService;
using Amazon.Lambda.Core;
using Amazon.Runtime;
using Amazon.SecretsManager;
using Amazon.SecretsManager.Model;
using Microsoft.Extensions.Configuration;

[assembly: LambdaSerializer(typeof(Amazon.Lambda.Serialization.SystemTextJson.DefaultLambdaJsonSerializer))]

namespace SettingsService
{
    public class Function
    {
        // SNAP025: the decrypted parameters are loaded while the configuration is built, during init: every restored
        // copy serves the values of the snapshot.
        private readonly IConfigurationRoot _settings = new ConfigurationBuilder()
            .AddInMemoryCollection()
            .AddSystemsManager("/settings-service")
            .Build();

        // SNAP024: the access-key variables are not set under SnapStart, so this client cannot sign a request.
        private readonly AmazonKeyManagementServiceClient _kms = new AmazonKeyManagementServiceClient(new EnvironmentVariablesAWSCredentials());

        private readonly IAmazonSecretsManager _secrets = new AmazonSecretsManagerClient();
        private string _signingKey = string.Empty;

        public Function()
        {
            SnapshotRestore.RegisterAfterRestore(async () =>
            {
                // SNAP049: nothing bounds this call; a slow Secrets Manager fails the restore after 10 seconds.
                _signingKey = (await _secrets.GetSecretValueAsync(new GetSecretValueRequest { SecretId = "settings/signing-key" })).SecretString;
            });
        }

        public string FunctionHandler(string key, ILambdaContext context)
        {
            // SNAP023: not set under SnapStart.
            var stream = (string?)Environment.GetEnvironmentVariables()["AWS_LAMBDA_LOG_STREAM_NAME"];
            return $"{_settings[key]} signed:{_signingKey.Length} kms:{_kms.Config.RegionEndpoint?.SystemName} log:{stream}";
        }
    }
}
