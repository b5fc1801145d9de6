using Microsoft.AspNetCore.Http.Features;

namespace Amazon.Lambda.AspNetCoreServer.Internal
{
    /// <summary>
    /// The features of one ASP.NET Core request built from a Lambda event. The package implements every feature
    /// interface on this class; the stand-in holds the request, response and items features in a feature collection.
    /// </summary>
    public class InvokeFeatures : FeatureCollection
    {
        /// <summary>Creates the features of one request.</summary>
        public InvokeFeatures()
        {
            Set<IHttpRequestFeature>(new HttpRequestFeature());
            Set<IHttpResponseFeature>(new HttpResponseFeature());
            Set<IItemsFeature>(new ItemsFeature());
        }
    }
}
