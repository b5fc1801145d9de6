using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Text;
using System.Text.Json;

namespace Amazon.Lambda.Annotations.APIGateway
{
    /// <summary>The options used by the IHttpResult to serialize into the required format for the event source of the Lambda function.</summary>
    public class HttpResultSerializationOptions
    {
        /// <summary>The API Gateway protocol format used as the event source.</summary>
        public enum ProtocolFormat
        {
            /// <summary>Used when a function is defined with the RestApiAttribute.</summary>
            RestApi,

            /// <summary>Used when a function is defined with the HttpApiAttribute.</summary>
            HttpApi,
        }

        /// <summary>The API Gateway protocol version.</summary>
        public enum ProtocolVersion
        {
            /// <summary>V1 format for API Gateway Proxy responses.</summary>
            V1,

            /// <summary>V2 format for API Gateway Proxy responses.</summary>
            V2,
        }

        /// <summary>The API Gateway protocol used as the event source.</summary>
        public ProtocolFormat Format { get; set; }

        /// <summary>The API Gateway protocol version used as the event source.</summary>
        public ProtocolVersion Version { get; set; }
    }

    /// <summary>
    /// If this interface is returned for an API Gateway Lambda function it will serialize itself to the correct JSON
    /// format for the configured event source's protocol format and version.
    /// </summary>
    public interface IHttpResult
    {
        /// <summary>Used by the Lambda Annotations framework to serialize the IHttpResult to the correct JSON response.</summary>
        Stream Serialize(HttpResultSerializationOptions options);

        /// <summary>Add header to the IHttpResult.</summary>
        /// <returns>The same instance to allow fluent call pattern.</returns>
        IHttpResult AddHeader(string name, string value);
    }

    /// <summary>Implementation class for IHttpResult. Use one of the static methods to create a result with the desired status code.</summary>
    public class HttpResults : IHttpResult
    {
        private readonly HttpStatusCode _statusCode;
        private readonly object _body;
        private readonly Dictionary<string, IList<string>> _headers = new Dictionary<string, IList<string>>();

        private HttpResults(HttpStatusCode statusCode, object body = null)
        {
            _statusCode = statusCode;
            _body = body;
        }

        /// <inheritdoc/>
        public IHttpResult AddHeader(string name, string value)
        {
            name = name.ToLowerInvariant();
            if (!_headers.TryGetValue(name, out var values))
            {
                values = new List<string>();
                _headers[name] = values;
            }

            values.Add(value);
            return this;
        }

        /// <summary>Creates an IHttpResult for a Accepted (202) status code.</summary>
        public static IHttpResult Accepted(object body = null) => new HttpResults(HttpStatusCode.Accepted, body);

        /// <summary>Creates an IHttpResult for a BadRequest (400) status code.</summary>
        public static IHttpResult BadRequest(object body = null) => new HttpResults(HttpStatusCode.BadRequest, body);

        /// <summary>Creates an IHttpResult for a Conflict (409) status code.</summary>
        public static IHttpResult Conflict(object body = null) => new HttpResults(HttpStatusCode.Conflict, body);

        /// <summary>Creates an IHttpResult for a Created (201) status code.</summary>
        public static IHttpResult Created(string uri = null, object body = null)
        {
            var result = new HttpResults(HttpStatusCode.Created, body);
            if (uri != null)
            {
                result.AddHeader("location", uri);
            }

            return result;
        }

        /// <summary>Creates an IHttpResult for a Forbidden (403) status code.</summary>
        public static IHttpResult Forbid(object body = null) => new HttpResults(HttpStatusCode.Forbidden, body);

        /// <summary>Creates an IHttpResult for an Internal Server Error (500) status code.</summary>
        public static IHttpResult InternalServerError(object body = null) => new HttpResults(HttpStatusCode.InternalServerError, body);

        /// <summary>Creates an IHttpResult for a NotFound (404) status code.</summary>
        public static IHttpResult NotFound(object body = null) => new HttpResults(HttpStatusCode.NotFound, body);

        /// <summary>Creates an IHttpResult for a Ok (200) status code.</summary>
        public static IHttpResult Ok(object body = null) => new HttpResults(HttpStatusCode.OK, body);

        /// <summary>Creates an IHttpResult for a Service Unavailable (503) status code.</summary>
        public static IHttpResult ServiceUnavailable(int? delaySeconds = null)
        {
            var result = new HttpResults(HttpStatusCode.ServiceUnavailable);
            if (delaySeconds != null && delaySeconds > 0)
            {
                result.AddHeader("Retry-After", delaySeconds.ToString());
            }

            return result;
        }

        /// <summary>Creates an IHttpResult for a Unauthorized (401) status code.</summary>
        public static IHttpResult Unauthorized() => new HttpResults(HttpStatusCode.Unauthorized);

        /// <summary>Creates an IHttpResult for the specified status code.</summary>
        public static IHttpResult NewResult(HttpStatusCode statusCode, object body = null) => new HttpResults(statusCode, body);

        /// <inheritdoc/>
        public Stream Serialize(HttpResultSerializationOptions options)
        {
            var body = _body == null ? null : _body as string ?? JsonSerializer.Serialize(_body);
            var response = new Dictionary<string, object>
            {
                ["statusCode"] = (int)_statusCode,
                ["headers"] = _headers,
                ["body"] = body,
            };
            return new MemoryStream(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(response)));
        }
    }
}
