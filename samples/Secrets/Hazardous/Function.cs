using System;
using System.Net.Http;
using System.Threading.Tasks;
using Amazon.Lambda.Core;
using Amazon.SecretsManager;
using Amazon.SecretsManager.Model;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;

[assembly: LambdaSerializer(typeof(Amazon.Lambda.Serialization.SystemTextJson.DefaultLambdaJsonSerializer))]

namespace PaymentService
{
    public class Function
    {
        private static readonly HttpClient Http = new HttpClient();

        // AWS SDK clients created at init are fine: they reconnect and refresh their credentials on their own.
        private readonly IAmazonSecretsManager _secrets = new AmazonSecretsManagerClient();
        private readonly IAmazonSimpleSystemsManagement _ssm = new AmazonSimpleSystemsManagementClient();
        private readonly IAmazonSecurityTokenService _sts = new AmazonSecurityTokenServiceClient();

        private readonly string _apiKey;
        private readonly string _webhookSecret;
        private readonly string _providerUrl;
        private readonly Amazon.SecurityToken.Model.Credentials _ledgerCredentials;

        public Function()
        {
            // SNAP020: the API key is baked into the snapshot and outlives its rotation.
            _apiKey = _secrets.GetSecretValueAsync(new GetSecretValueRequest { SecretId = "payments/api-key" }).Result.SecretString;

            // SNAP020: a SecureString parameter, decrypted at init.
            _webhookSecret = _ssm.GetParameterAsync(new GetParameterRequest { Name = "/payments/webhook-secret", WithDecryption = true }).Result.Parameter.Value;

            // Plain configuration: not a secret, not a finding.
            _providerUrl = _ssm.GetParameterAsync(new GetParameterRequest { Name = "/payments/provider-url" }).Result.Parameter.Value;

            // SNAP021: temporary credentials that expire while the snapshot lives on.
            _ledgerCredentials = _sts.AssumeRoleAsync(new AssumeRoleRequest
            {
                RoleArn = "arn:aws:iam::123456789012:role/ledger-writer",
                RoleSessionName = "payments",
            }).Result.Credentials;
        }

        public async Task<string> FunctionHandler(string amount, ILambdaContext context)
        {
            // SNAP022: the Parameters and Secrets extension rejects calls from a restored snapshot.
            var request = new HttpRequestMessage(HttpMethod.Get, "http://localhost:2773/secretsmanager/get?secretId=payments/fallback-key");

            // SNAP023: AWS_SESSION_TOKEN is not set when SnapStart is on.
            request.Headers.Add("X-Aws-Parameters-Secrets-Token", Environment.GetEnvironmentVariable("AWS_SESSION_TOKEN"));
            var fallback = await (await Http.SendAsync(request)).Content.ReadAsStringAsync();

            // SNAP023: the log group name is not set either.
            context.Logger.LogLine("charging in " + Environment.GetEnvironmentVariable("AWS_LAMBDA_LOG_GROUP_NAME"));

            using var charge = new HttpRequestMessage(HttpMethod.Post, _providerUrl + "/charges") { Content = new StringContent(amount) };
            charge.Headers.Add("Authorization", "Bearer " + (_apiKey.Length > 0 ? _apiKey : fallback));
            charge.Headers.Add("X-Webhook-Signature", _webhookSecret);
            charge.Headers.Add("X-Ledger-Key", _ledgerCredentials.AccessKeyId);
            return await (await Http.SendAsync(charge)).Content.ReadAsStringAsync();
        }
    }
}
