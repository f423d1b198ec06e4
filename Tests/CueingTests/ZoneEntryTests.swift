import Cueing
import Testing
